#!/bin/bash
# usage: parts.sh JAR JAVA LABEL   (EncodePartsBench, sample mode: the median of single invocations, per workload of 16 messages)
JAR=$1; JAVA=$2; LABEL=$3
DIR=$(cd "$(dirname "$0")" && pwd)
{
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
$JAVA -cp $JAR org.openjdk.jmh.Main 'EncodePartsBench' \
  -f 1 -wi 4 -w 200ms -i 8 -r 200ms -jvmArgs "-Xms256m -Xmx256m -Xmn64m" -tu ns -bm sample 2>&1 \
  | grep -E "p0.50 "
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} > $DIR/$LABEL.txt
