#!/bin/bash
# usage: ratio.sh JAR JAVA LABEL: py4j and text side by side in one JMH run, doubles-100 (Python writes, Java reads)
JAR=$1; JAVA=$2; LABEL=$3
for try in $(seq 1 60); do
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" > $LABEL.txt
  OUT=$($JAVA -cp $JAR org.openjdk.jmh.Main 'CodecBench.(decode|encode)$' -p contender=py4j,text -p workload=doubles-100 \
    -f 1 -wi 4 -w 200ms -i 8 -r 200ms -jvmArgs "-Xms256m -Xmx256m -Xmn64m" -tu ns -bm sample 2>&1)
  if ! grep -q "Unable to acquire the JMH lock" <<<"$OUT"; then break; fi
  sleep 3
done
grep -E "·p0.50|:p0.50|p0.50 " <<<"$OUT" >> $LABEL.txt
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> $LABEL.txt
