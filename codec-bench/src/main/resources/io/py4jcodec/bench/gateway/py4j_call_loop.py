"""Calls/s of the real py4j Python client against a gateway serving
io.py4jcodec.testkit.scenario.ScenarioEntryPoint: a loop of entry_point.echoInt(i) on one thread.

    python3 py4j_call_loop.py --port P [--auth-token T] [--mode gateway|clientserver] --calls N --warmup W

Prints one JSON line: calls, seconds (wall), calls_per_s, python_cpu_s (this process's user+sys CPU
during the timed loop), and mismatches (answers that were not the argument back: must be 0).
"""

import argparse
import json
import resource
import sys
import time

from py4j.clientserver import ClientServer, JavaParameters, PythonParameters
from py4j.java_gateway import GatewayParameters, JavaGateway


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--auth-token", default=None)
    ap.add_argument("--mode", choices=("gateway", "clientserver"), default="gateway")
    ap.add_argument("--calls", type=int, default=20000)
    ap.add_argument("--warmup", type=int, default=2000)
    args = ap.parse_args()
    if args.mode == "clientserver":
        gw = ClientServer(java_parameters=JavaParameters(port=args.port, auth_token=args.auth_token),
                          python_parameters=PythonParameters(port=0, daemonize=True, daemonize_connections=True,
                                                             eager_load=False))
    else:
        gw = JavaGateway(gateway_parameters=GatewayParameters(port=args.port, auth_token=args.auth_token))
    try:
        ep = gw.entry_point
        for i in range(args.warmup):
            ep.echoInt(i)
        sys.stdout.write(json.dumps({"warm": True}) + "\n")
        sys.stdout.flush()
        sys.stdin.readline()  # the harness starts its CPU clock, then says go
        mismatches = 0
        c0, t0 = cpu(), time.perf_counter()
        for i in range(args.calls):
            if ep.echoInt(i) != i:
                mismatches += 1
        t1, c1 = time.perf_counter(), cpu()
        sys.stdout.write(json.dumps({"calls": args.calls, "seconds": t1 - t0, "calls_per_s": args.calls / (t1 - t0),
                                     "python_cpu_s": c1 - c0, "mismatches": mismatches}) + "\n")
        sys.stdout.flush()
    finally:
        gw.close()


if __name__ == "__main__":
    main()
