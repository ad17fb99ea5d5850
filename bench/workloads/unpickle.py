# Unpickling: pickle.loads (protocol 4) of a generated structure of
# records (dicts, tuples, lists, str, bytes, int, float, bool, None and
# instances of a small class) many times over; the structure is pickled
# once at the start.
import pickle


class Record:
    def __init__(self, key, values):
        self.key = key
        self.values = values


def make_data(count):
    seed = 31
    data = []
    for i in range(count):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        data.append({
            "key": "record-%d" % i,
            "point": (seed % 1000, seed % 777, seed / 1000.0),
            "flags": [seed % 2 == 0, None, seed % 3],
            "blob": bytes([seed % 256, (seed >> 8) % 256]) * 4,
            "obj": Record(i, [seed % 10, seed % 100]),
            "text": "text %d naïve" % (seed % 100000),
        })
    return data


def main(rounds):
    payload = pickle.dumps(make_data(2000), protocol=4)
    total = 0
    for _ in range(rounds):
        data = pickle.loads(payload)
        total += len(data) + data[-1]["obj"].key + data[7]["point"][0]
    total += sum(r["obj"].values[1] + len(r["blob"]) + r["flags"][2] for r in data)
    return total % 1000000007


print("unpickle", main(150))
