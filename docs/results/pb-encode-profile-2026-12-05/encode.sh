#!/bin/bash
# usage: encode.sh JAR JAVA LABEL   (CodecBench.encode of text and the three protobuf encoders in one run, sample mode medians)
JAR=$1; JAVA=$2; LABEL=$3
DIR=$(cd "$(dirname "$0")" && pwd)
out=$($DIR/jmh-wait.sh $JAVA -cp $JAR org.openjdk.jmh.Main 'CodecBench.encode$' -p contender=text,pb-direct,pb-floor,pb-parse \
  -p workload=pyspark-mix,small-strings -f 1 -wi 4 -w 200ms -i 8 -r 200ms -jvmArgs "-Xms256m -Xmx256m -Xmn64m" -tu ns -bm sample)
{ echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"; grep -E "p0.50 " <<<"$out"; } > $DIR/$LABEL.txt
