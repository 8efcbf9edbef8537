"""The real py4j client behind the shipped driver (py4j_client.py, in the same directory), with one
misbehaviour planted: an operation that raises reports a null result instead, as a client would that
swallowed a failed lookup. The probe call is left alone.
Usage: python3 planted_lookup.py PORT"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import py4j_client as driver  # noqa: E402

gateway = driver.connect(int(sys.argv[1]))
client = gateway._gateway_client
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    op = json.loads(line)
    try:
        reply = {"ok": driver.to_json(driver.perform(op, gateway, client))}
    except BaseException as e:
        reply = driver.error_reply(e) if op.get("method") == "probe" else {"ok": driver.to_json(None)}
    print(json.dumps(reply, ensure_ascii=True), flush=True)
os._exit(0)
