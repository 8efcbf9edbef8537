#!/bin/bash
# The profiles of the targets issue 12 misses, JDK 17, the benchmark jar of the full run's commit.
JAR=${1:-/tmp/targets.jar}; JAVA=${2:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
cd "$(dirname "$0")"
./prof.sh $JAR $JAVA jfr-17-decode-mix CodecBench.decode text pyspark-mix
./prof.sh $JAR $JAVA jfr-17-decode-mix-py4j CodecBench.decode py4j pyspark-mix
./prof.sh $JAR $JAVA jfr-17-decode-mix-pb-direct CodecBench.decode pb-direct pyspark-mix
./prof.sh $JAR $JAVA jfr-17-encode-mix CodecBench.encode text pyspark-mix
./prof.sh $JAR $JAVA jfr-17-encode-mix-pb-parse CodecBench.encode pb-parse pyspark-mix
./prof.sh $JAR $JAVA jfr-17-decode-strings-10k CodecBench.decode text strings-10k
./prof.sh $JAR $JAVA jfr-17-decode-longs CodecBench.decode text longs-100
./prof.sh $JAR $JAVA jfr-17-encode-longs CodecBench.encode text longs-100
./prof.sh $JAR $JAVA jfr-17-encode-doubles CodecBench.encode text doubles-100
./prof.sh $JAR $JAVA jfr-17-escape EscapeBench.escape
