#!/bin/bash
# usage: prof-all.sh JAR   (JFR profiles of the three protobuf encoders on both workloads, JDK 17 then 25)
JAR=$1; DIR=$(cd "$(dirname "$0")" && pwd)
for jdk in 17:/usr/lib/jvm/java-17-openjdk-amd64/bin/java 25:/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
  for c in pb-direct pb-floor pb-parse; do
    for w in pyspark-mix:mix small-strings:small; do
      $DIR/prof.sh $JAR ${jdk#*:} jfr-${jdk%%:*}-$c-${w#*:} $c ${w%%:*}
    done
  done
done
