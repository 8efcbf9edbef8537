#!/bin/bash
# usage: queue.sh BEFORE_JAR AFTER_JAR RUN...   before and after interleaved, JDK 17 and 25, each run labelled by its letter
B=$1; A=$2; shift 2; DIR=$(cd "$(dirname "$0")" && pwd)
for r in "$@"; do
  for jdk in 17:/usr/lib/jvm/java-17-openjdk-amd64/bin/java 25:/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
    v=${jdk%%:*}; J=${jdk#*:}
    $DIR/parts.sh $B $J parts-$v-before-$r; $DIR/parts.sh $A $J parts-$v-after-$r
    $DIR/encode.sh $B $J encode-$v-before-$r; $DIR/encode.sh $A $J encode-$v-after-$r
  done
done
