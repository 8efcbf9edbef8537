"""Calls/s of the real py4j Python client against a gateway serving
io.py4jcodec.testkit.scenario.ScenarioEntryPoint: a loop of entry_point.echoInt(i) on one thread.

    python3 py4j_call_loop.py --port P [--auth-token T] [--mode gateway|clientserver] --calls N --warmup W \
        [--callbacks M]

Each timed phase first prints {"warm": true} and waits for a line on stdin (the harness starts its
clocks), then prints one JSON line: phase, calls, seconds (wall), calls_per_s, python_cpu_s (this
process's user+sys CPU during the phase), and mismatches (wrong answers: must be 0). Phase "python" is
the call loop; with --callbacks M, phase "python-callbacks" then makes M calls of
entry_point.callBack(cb, "x"), each calling the Python object cb back from Java (on the calling
thread's connection in ClientServer mode, on a callback connection in GatewayServer mode).
"""

import argparse
import json
import os
import resource
import sys
import threading
import time

from py4j.clientserver import ClientServer, JavaParameters, PythonParameters
from py4j.java_gateway import CallbackServerParameters, GatewayParameters, JavaGateway


class Callback(object):
    def call(self, arg):
        return "py:" + arg

    class Java:
        implements = ["io.py4jcodec.testkit.scenario.ScenarioCallback"]


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def ready():
    """Says the next phase is warm, and waits for the harness to start its clocks and say go."""
    report({"warm": True})
    sys.stdin.readline()


def report(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--auth-token", default=None)
    ap.add_argument("--mode", choices=("gateway", "clientserver"), default="gateway")
    ap.add_argument("--calls", type=int, default=20000)
    ap.add_argument("--warmup", type=int, default=2000)
    ap.add_argument("--callbacks", type=int, default=0)
    args = ap.parse_args()
    # as the scenario suite connects (see py4j_scenarios.py): the Python server wants the token in
    # GatewayServer mode; in ClientServer mode py4j's reset Python client cannot send one
    if args.mode == "clientserver":
        gw = ClientServer(java_parameters=JavaParameters(port=args.port, auth_token=args.auth_token),
                          python_parameters=PythonParameters(port=0, daemonize=True, daemonize_connections=True))
    else:
        gw = JavaGateway(gateway_parameters=GatewayParameters(port=args.port, auth_token=args.auth_token),
                         callback_server_parameters=CallbackServerParameters(
                             port=0, daemonize=True, daemonize_connections=True, auth_token=args.auth_token))
    try:
        server = gw.java_gateway_server
        server.resetCallbackClient(server.getCallbackClient().getAddress(),
                                   gw.get_callback_server().get_listening_port())
        ep = gw.entry_point
        cb = Callback()
        for i in range(args.warmup):
            ep.echoInt(i)
        for i in range(min(args.warmup, args.callbacks)):
            ep.callBack(cb, "x")
        ready()
        mismatches = 0
        c0, t0 = cpu(), time.perf_counter()
        for i in range(args.calls):
            if ep.echoInt(i) != i:
                mismatches += 1
        t1, c1 = time.perf_counter(), cpu()
        report({"phase": "python", "calls": args.calls, "seconds": t1 - t0, "calls_per_s": args.calls / (t1 - t0),
                "python_cpu_s": c1 - c0, "mismatches": mismatches})
        if args.callbacks:
            ready()
            mismatches = 0
            c0, t0 = cpu(), time.perf_counter()
            for i in range(args.callbacks):
                if ep.callBack(cb, "x") != "java<py:x>":
                    mismatches += 1
            t1, c1 = time.perf_counter(), cpu()
            report({"phase": "python-callbacks", "calls": args.callbacks, "seconds": t1 - t0,
                    "calls_per_s": args.callbacks / (t1 - t0), "python_cpu_s": c1 - c0, "mismatches": mismatches})
    finally:
        # py4j's ClientServer.close() can block for good in a socket close while its Python server's
        # thread reads that socket: close on a daemon thread, bounded, then leave
        closer = threading.Thread(target=gw.close, daemon=True)
        closer.start()
        closer.join(5)


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)
