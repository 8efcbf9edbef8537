"""The real py4j client behind the shipped driver (py4j_client.py, in the same directory), with one
misbehaviour planted per operation kind (PLANTS below), so that each oracle of the gateway role is
shown to catch it on every operation the driver protocol has. The probe call is left alone.
Usage: python3 planted_ops.py PORT   (gateway mode: "stray" keeps an idle GatewayConnection of its own open)"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import py4j_client as driver  # noqa: E402

PLANTS = {
    "constructor": "nonconforming", "list_len": "misread", "list_get": "duplicate", "list_set": "unparseable",
    "list_slice": "nonconforming", "list_contains": "undocumented", "list_iter": "misread", "map_len": "stray",
    "map_get": "hang", "map_put": "duplicate", "map_contains": "nonconforming", "set_len": "unparseable",
    "set_contains": "misread", "set_add": "undocumented", "array_len": "nonconforming", "array_get": "misread",
    "array_set": "duplicate", "array_slice": "stray", "dir": "misread", "dir_jvm": "hang", "help": "unparseable",
    "gc": "duplicate", "shutdown": "stray",
    "list_concat": "nonconforming", "list_multiply": "misread", "list_multiply_in_place": "duplicate",
    "list_count": "unparseable", "list_sort": "undocumented", "list_reverse": "stray", "new_array": "hang",
    "new_jvm_view": "misread", "dir_class": "unparseable", "help_class": "duplicate",
}

gateway = driver.connect(int(sys.argv[1]))
client = gateway._gateway_client
honest_send = client.send_command
plant = {"now": None}
leaked = []


def send(command, *args, **kwargs):
    p = plant["now"]
    if p == "nonconforming":  # another object id, or another JVM view: still readable, not what was asked
        command = command.replace("\no", "\no1", 1) if "\no" in command else command.replace("\nrj\n", "\nrk\n")
    elif p == "unparseable":
        command = command.replace("\ne\n", "\n?what\ne\n")
    elif p == "duplicate":
        honest_send(command, *args, **kwargs)
    return honest_send(command, *args, **kwargs)


client.send_command = send
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    op = json.loads(line)
    p = None if op.get("method") == "probe" else PLANTS.get(op["op"])
    plant["now"] = p
    try:
        if p == "hang":
            time.sleep(3600)
        if p == "stray":
            leaked.append(client._create_connection())  # kept open and idle: the operation opens another
        if p == "undocumented":
            raise ValueError("planted")
        result = driver.perform(op, gateway, client)
        reply = {"ok": {"type": "string", "value": "planted"} if p == "misread" else driver.to_json(result)}
    except BaseException as e:
        reply = driver.error_reply(e)
    plant["now"] = None
    print(json.dumps(reply, ensure_ascii=True), flush=True)
os._exit(0)
