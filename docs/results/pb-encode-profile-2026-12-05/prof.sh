#!/bin/bash
# usage: prof.sh JAR JAVA LABEL CONTENDER WORKLOAD
# One JMH fork of CodecBench.encode with JFR execution sampling (1 ms, asynchronous: debugNonSafePoints),
# then the samples summarised by summarise.py into LABEL.txt (the .jfr itself is not committed: 1-3 MB each).
JAR=$1; JAVA=$2; LABEL=$3; C=$4; W=$5
DIR=$(cd "$(dirname "$0")" && pwd)
OUT=/tmp/pbprof-jfr/$LABEL; rm -rf $OUT; mkdir -p $OUT
JFR=$(dirname $(readlink -f $JAVA))/jfr
{
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
$DIR/jmh-wait.sh $JAVA -cp $JAR org.openjdk.jmh.Main 'CodecBench.encode$' -p contender=$C -p workload=$W \
  -f 1 -wi 3 -w 1s -i 5 -r 2s -jvmArgs "-Xms256m -Xmx256m -Xmn64m" -tu ns -bm avgt \
  -prof "jfr:dir=$OUT;configName=$DIR/sampling.jfc" 2>&1 | grep -E "^CodecBench.encode "
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
f=$(find $OUT -name '*.jfr' | head -1)
$JFR print --json --stack-depth 64 --events jdk.ExecutionSample $f > $OUT/samples.json
python3 $DIR/summarise.py $OUT/samples.json
} > $DIR/$LABEL.txt 2>&1
rm -f $OUT/samples.json
