#!/bin/bash
# usage: bench.sh JAR LABEL   (sample mode x2, then one -prof gc avgt run); waits for other helpers' JMH lock
JAR=$1; LABEL=$2; JAVA=${JAVA:-java}; C=text,py4j,pb-direct,pb-parse
jmh() {
  for try in $(seq 1 60); do
    out=$($JAVA -cp $JAR org.openjdk.jmh.Main "$@" 2>&1)
    if ! grep -q 'Unable to acquire the JMH lock' <<<"$out"; then echo "$out"; return; fi
    sleep 10
  done
  echo "gave up waiting for the JMH lock"
}
for r in 1 2; do
  out=/tmp/textv2/s-$LABEL-$r.txt
  res=$(jmh 'CodecBench.(encode|decode)$' -p contender=$C -p workload=pyspark-mix \
    -f 1 -wi 4 -w 200ms -i 8 -r 200ms -jvmArgs "-Xms256m -Xmx256m -Xmn64m" -tu ns -bm sample -v EXTRA)
  { echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"; grep -E '^CodecBench.*p0.50|gave up' <<<"$res"; } > $out
done
out=/tmp/textv2/gc-$LABEL.txt
res=$(jmh 'CodecBench.(encode|decode)$' -p contender=$C -p workload=pyspark-mix \
  -f 1 -wi 4 -w 200ms -i 5 -r 200ms -jvmArgs "-Xms256m -Xmx256m -Xmn64m" -prof gc -tu ns -bm avgt)
{ echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"; grep -E "^CodecBench.(encode|decode) +|^CodecBench.*gc.alloc.rate.norm|gave up" <<<"$res"; } > $out
