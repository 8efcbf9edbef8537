#!/bin/bash
# usage: parts.sh JAR JAVA LABEL   (EncodePartsBench, sample mode: the median of single invocations, per workload of 16 messages)
JAR=$1; JAVA=$2; LABEL=$3
DIR=$(cd "$(dirname "$0")" && pwd)
out=$($DIR/jmh-wait.sh $JAVA -cp $JAR org.openjdk.jmh.Main 'EncodePartsBench' \
  -f 1 -wi 4 -w 200ms -i 8 -r 200ms -jvmArgs "-Xms256m -Xmx256m -Xmn64m" -tu ns -bm sample)
# the load is read at the end of the run, as the run's neighbours left it
{ echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"; grep -E "p0.50 " <<<"$out"; } > $DIR/$LABEL.txt
