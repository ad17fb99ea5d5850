# JSON: json.dumps of a generated tree of records (dicts, lists, strings
# with escapes and non-ASCII characters, ints, floats, booleans, None),
# compact and indented with sorted keys, and json.loads of the results.
import json


def make_records(count):
    records = []
    seed = 2024
    for i in range(count):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        records.append({
            "id": i,
            "name": "item \"%d\" \u00e9t\u00e9\n" % seed,
            "price": (seed % 100000) / 100.0,
            "tags": ["t%d" % (seed % 7), "t%d" % (seed % 11)],
            "active": seed % 2 == 0,
            "parent": None if i % 5 else i - 1,
            "dims": {"w": seed % 300, "h": seed % 200, "unit": "mm"},
        })
    return records


def main(rounds):
    records = make_records(1000)
    total = 0
    for _ in range(rounds):
        compact = json.dumps(records)
        pretty = json.dumps(records, indent=2, sort_keys=True)
        ascii_only = json.dumps(records, ensure_ascii=False)
        back = json.loads(compact)
        total += len(compact) + len(pretty) + len(ascii_only)
        total += len(json.loads(pretty)) + sum(r["dims"]["w"] for r in back)
        total += back == records
    return total % 1000000007


print("json", main(30))
