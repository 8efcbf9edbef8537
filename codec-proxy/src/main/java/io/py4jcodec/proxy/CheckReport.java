package io.py4jcodec.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What {@code --check} found over a proxy's life, and the frames it looked at; thread-safe. */
public final class CheckReport {
    private final List<Finding> findings = new ArrayList<>();
    private long frames;
    private int connections;

    synchronized void add(Finding f) {
        findings.add(f);
    }

    synchronized void frameChecked() {
        frames++;
    }

    synchronized void connectionOpened() {
        connections++;
    }

    /** Every finding so far, in the order they were found. */
    public synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Frames the strict readers accepted or rejected so far. */
    public synchronized long framesChecked() {
        return frames;
    }

    /** The summary line the proxy prints when it stops: {@code check: 2 findings in 41 frames on 3 connections (MISSING_END 1, BAD_NUMBER 1)}. */
    public synchronized String summary() {
        StringBuilder b = new StringBuilder("check: ");
        b.append(findings.isEmpty() ? "no findings" : findings.size() + (findings.size() == 1 ? " finding" : " findings"));
        b.append(" in ").append(frames).append(frames == 1 ? " frame" : " frames").append(" on ")
                .append(connections).append(connections == 1 ? " connection" : " connections");
        if (!findings.isEmpty()) {
            Map<String, Integer> byReason = new TreeMap<>();
            findings.forEach(f -> byReason.merge(f.reason().name(), 1, Integer::sum));
            b.append(' ').append(byReason.toString().replace('{', '(').replace('}', ')').replace("=", " "));
        }
        return b.toString();
    }
}
