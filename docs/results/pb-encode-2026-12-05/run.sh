#!/bin/bash
# usage: run.sh JAR JAVA LABEL CONTENDERS
JAR=$1; JAVA=$2; LABEL=$3; C=$4
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" > $LABEL.txt
$JAVA -cp $JAR org.openjdk.jmh.Main 'CodecBench.encode$' -p contender=$C -p workload=pyspark-mix,small-strings \
  -f 1 -wi 4 -w 200ms -i 5 -r 200ms -jvmArgs "-Xms256m -Xmx256m -Xmn64m" -prof gc -tu ns -bm avgt 2>&1 \
  | grep -E "^CodecBench.encode +|gc.alloc.rate.norm" | grep -v "·gc.alloc.rate " >> $LABEL.txt
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> $LABEL.txt
