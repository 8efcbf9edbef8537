#!/bin/bash
# usage: ab.sh LABEL JAR...   text only, decode+encode, pyspark-mix, sample mode, 1 fork per jar, alternating
LABEL=$1; shift
out=/tmp/textv2/ab-$LABEL.txt; : > $out
for jar in "$@"; do
  for try in $(seq 1 60); do
    res=$(java -cp /tmp/textv2/$jar org.openjdk.jmh.Main 'CodecBench.(encode|decode)$' -p contender=text -p workload=pyspark-mix \
      -f 1 -wi 4 -w 200ms -i 8 -r 200ms -jvmArgs "-Xms256m -Xmx256m -Xmn64m" -tu ns -bm sample 2>&1)
    grep -q 'Unable to acquire the JMH lock' <<<"$res" || break
    sleep 10
  done
  { echo "$jar load $(cut -d' ' -f1-3 /proc/loadavg)"; grep -E '^CodecBench.*p0.50' <<<"$res"; } >> $out
done
