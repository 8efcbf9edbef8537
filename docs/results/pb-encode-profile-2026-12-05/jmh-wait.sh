#!/bin/bash
# usage: jmh-wait.sh JAVA ARGS...   runs JMH, waiting (5 s at a time, at most 15 min) while another
# helper's JMH holds /tmp/jmh.lock, so that two benchmark runs never share the machine's 2 cores.
JAVA=$1; shift
for i in $(seq 180); do
  out=$($JAVA "$@" 2>&1)
  if ! grep -q "Unable to acquire the JMH lock" <<<"$out"; then
    echo "$out"
    exit 0
  fi
  sleep 5
done
echo "gave up waiting for /tmp/jmh.lock" >&2
exit 1
