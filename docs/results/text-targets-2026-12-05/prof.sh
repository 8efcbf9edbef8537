#!/bin/bash
# usage: prof.sh JAR JAVA LABEL BENCH [CONTENDER WORKLOAD]
#   BENCH: CodecBench.decode, CodecBench.encode (with CONTENDER and WORKLOAD) or EscapeBench.escape
# One JMH fork of BENCH with JFR execution sampling (1 ms, asynchronous: debugNonSafePoints), then the
# samples summarised by summarise.py into LABEL.txt (the .jfr itself is not committed). The same as
# ../pb-encode-profile-2026-12-05/prof.sh with the benchmark as a parameter.
JAR=$1; JAVA=$2; LABEL=$3; B=$4; C=$5; W=$6
DIR=$(cd "$(dirname "$0")" && pwd)
TOOLS=$DIR/../pb-encode-profile-2026-12-05   # jmh-wait.sh, sampling.jfc, summarise.py
OUT=/tmp/targets-jfr/$LABEL; rm -rf $OUT; mkdir -p $OUT
JFR=$(dirname $(readlink -f $JAVA))/jfr
PARAMS=(); [ -n "$C" ] && PARAMS=(-p contender=$C -p workload=$W)
{
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
$TOOLS/jmh-wait.sh $JAVA -cp $JAR org.openjdk.jmh.Main "$B\$" "${PARAMS[@]}" \
  -f 1 -wi 3 -w 1s -i 5 -r 2s -jvmArgs "-Xms256m -Xmx256m -Xmn64m" -tu ns -bm avgt \
  -prof "jfr:dir=$OUT;configName=$TOOLS/sampling.jfc" 2>&1 | grep -E "^$B "
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
f=$(find $OUT -name '*.jfr' | head -1)
$JFR print --json --stack-depth 64 --events jdk.ExecutionSample $f > $OUT/samples.json
python3 $TOOLS/summarise.py $OUT/samples.json $B
} > $DIR/$LABEL.txt 2>&1
rm -f $OUT/samples.json
