#!/bin/bash
# usage: ab.sh DIR ROUND   pb-direct and pb-generated decode, before (main at 36b2ef2) and after (the FieldLoop
# DirectReader), alternating jars, sample mode, 1 fork each; JMH's own lock keeps other benchmark runs off the cores.
DIR=$1; ROUND=$2
for jar in before after; do
  for try in $(seq 1 90); do
    res=$(java -cp $DIR/$jar.jar org.openjdk.jmh.Main 'CodecBench.decode$' -p contender=pb-direct,pb-generated \
      -p workload=pyspark-mix,small-strings,answers-all-types -f 1 -wi 4 -w 200ms -i 8 -r 200ms \
      -jvmArgs "-Xms256m -Xmx256m -Xmn64m" -tu ns -bm sample 2>&1)
    grep -q 'Unable to acquire the JMH lock' <<<"$res" || break
    sleep 10
  done
  { echo "$jar round $ROUND load $(cut -d' ' -f1-3 /proc/loadavg)"; grep -E '^CodecBench.*p0.50' <<<"$res"; } >> $DIR/ab-$ROUND.txt
done
