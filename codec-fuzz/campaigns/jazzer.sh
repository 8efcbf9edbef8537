#!/usr/bin/env bash
# A Jazzer campaign on one TextDecoderFuzzTest target, and the minimization of what it grew.
#
#   codec-fuzz/campaigns/jazzer.sh fuzz  TARGET [RUNS]   # JUnit fuzzing mode, RUNS executions (default 10^7)
#   codec-fuzz/campaigns/jazzer.sh merge TARGET          # minimize the grown corpus into the committed one
#
# TARGET is a @FuzzTest method: javaTextReader, pythonTextReader, binaryDirectDecoder,
# binaryMessagesDecoder, generatedMessagesRoundTrip. Run from the repository root.
#
# fuzz: Jazzer writes every input that adds coverage to codec-fuzz/.cifuzz-corpus/<class>/TARGET
# (git-ignored) and a crash to the target's inputs directory as crash-*. -timeout=3600: libFuzzer's
# default per-input watchdog (1,200 s) calls a process paused that long (SIGSTOP, a suspended
# laptop) a hang and ends the campaign. -am: Jazzer's JUnit mode instruments only classes in
# directories, so the codec modules must come from their target/classes, not from jars.
#
# merge: Jazzer's JUnit mode has no -merge, so this runs the standalone driver (the same
# com.code-intelligence:jazzer jar) on the same method. libFuzzer's -merge=1 keeps the inputs
# already in its first directory and adds, smallest first, only inputs with features those lack:
# the first directory starts as the named regression inputs, so what it adds is the campaign's
# growth, minimized. That growth replaces TARGET/campaign/, which a plain `mvn test` replays (the
# JUnit integration walks the inputs directory recursively).
set -euo pipefail

mode=${1:?usage: jazzer.sh fuzz|merge TARGET [RUNS]}
target=${2:?usage: jazzer.sh fuzz|merge TARGET [RUNS]}
runs=${3:-10000000}
inputs=codec-fuzz/src/test/resources/io/py4jcodec/fuzz/TextDecoderFuzzTestInputs/$target
generated=codec-fuzz/.cifuzz-corpus/io.py4jcodec.fuzz.TextDecoderFuzzTest/$target
[ -d "$inputs" ] || { echo "no inputs directory $inputs: is $target a TextDecoderFuzzTest method?" >&2; exit 2; }

case $mode in
fuzz)
    JAZZER_FUZZ=1 exec mvn -B -ntp test -pl codec-fuzz -am -Djacoco.skip -Dsurefire.failIfNoSpecifiedTests=false \
        -Dtest="TextDecoderFuzzTest#$target" \
        -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-runs="$runs" \
        -Djazzer.internal.arg.2=-print_final_stats=1 -Djazzer.internal.arg.3=-timeout=3600
    ;;
merge)
    [ -d "$generated" ] || { echo "no grown corpus at $generated: run a campaign first" >&2; exit 2; }
    # -DskipTests still compiles the tests: the fuzz test class the driver runs
    mvn -B -q -ntp install -DskipTests -Djacoco.skip -Dmaven.javadoc.skip -Dmaven.source.skip -pl codec-fuzz -am
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mvn -B -q -ntp dependency:build-classpath -pl codec-fuzz -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp"
    mkdir "$work/out"
    find "$inputs" -maxdepth 1 -type f -exec cp {} "$work/out/" \;
    named=$(ls "$work/out" | wc -l)
    from=("$generated")
    [ -d "$inputs/campaign" ] && from=("$inputs/campaign" "${from[@]}")
    java -Xmx2g -cp "codec-fuzz/target/test-classes:codec-fuzz/target/classes:$(cat "$work/cp")" \
        com.code_intelligence.jazzer.Jazzer \
        --target_class=io.py4jcodec.fuzz.TextDecoderFuzzTest --target_method="$target" \
        --instrumentation_includes='io.py4jcodec.**' \
        -merge=1 "$work/out" "${from[@]}" 2>&1 | grep -E '^MERGE-OUTER: [0-9]+ new files|DONE'
    rm -rf "$inputs/campaign"
    mkdir "$inputs/campaign"
    for f in "$work/out"/*; do
        [ -e "$inputs/$(basename "$f")" ] || cp "$f" "$inputs/campaign/"
    done
    echo "$inputs/campaign: $(ls "$inputs/campaign" | wc -l) inputs, $(du -sb "$inputs/campaign" | cut -f1) bytes (beside $named named ones)"
    ;;
*)
    echo "usage: jazzer.sh fuzz|merge TARGET [RUNS]" >&2
    exit 2
    ;;
esac
