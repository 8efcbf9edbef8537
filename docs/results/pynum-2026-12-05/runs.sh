#!/bin/bash
# usage: runs.sh JAR JAVA LABEL  (sample mode: the median of single invocations, as pb-encode-2026-12-05/runs.sh)
# Waits (3 s at a time, at most 60 tries) while another helper's JMH run holds /tmp/jmh.lock rather than run beside it.
JAR=$1; JAVA=$2; LABEL=$3
for try in $(seq 1 60); do
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" > $LABEL.txt
  OUT=$($JAVA -cp $JAR org.openjdk.jmh.Main 'CodecBench.(decode|encode)$' -p contender=text \
    -p workload=doubles-100,longs-100,answers-all-types,pyspark-answers \
    -f 1 -wi 4 -w 200ms -i 8 -r 200ms -jvmArgs "-Xms256m -Xmx256m -Xmn64m" -tu ns -bm sample 2>&1)
  if ! grep -q "Unable to acquire the JMH lock" <<<"$OUT"; then break; fi
  sleep 3
done
grep -E "·p0.50|:p0.50|p0.50 " <<<"$OUT" >> $LABEL.txt
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> $LABEL.txt
