# A small interpreter: a stack machine with a dozen opcodes, dispatched by
# an if/elif chain in a loop, running a program that counts the primes
# below a bound by trial division; local variables, list indexing and
# integer arithmetic in a hot loop.

PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, JMP, JZ, HALT, DUP = range(12)


def run(code, slots):
    stack = []
    pc = 0
    while True:
        op, arg = code[pc]
        pc += 1
        if op == PUSH:
            stack.append(arg)
        elif op == LOAD:
            stack.append(slots[arg])
        elif op == STORE:
            slots[arg] = stack.pop()
        elif op == ADD:
            b = stack.pop()
            stack[-1] += b
        elif op == SUB:
            b = stack.pop()
            stack[-1] -= b
        elif op == MUL:
            b = stack.pop()
            stack[-1] *= b
        elif op == MOD:
            b = stack.pop()
            stack[-1] %= b
        elif op == LT:
            b = stack.pop()
            stack[-1] = 1 if stack[-1] < b else 0
        elif op == JMP:
            pc = arg
        elif op == JZ:
            if not stack.pop():
                pc = arg
        elif op == DUP:
            stack.append(stack[-1])
        else:
            return slots


SOURCE = """
        push 2
        store n
        push 0
        store count
outer:  load n
        load bound
        lt
        jz done
        push 2
        store d
inner:  load d
        dup
        mul
        load n
        push 1
        add
        lt
        jz prime
        load n
        load d
        mod
        jz next
        load d
        push 1
        add
        store d
        jmp inner
prime:  load count
        push 1
        add
        store count
next:   load n
        push 1
        add
        store n
        jmp outer
done:   halt
"""
SLOTS = {"n": 0, "d": 1, "count": 2, "bound": 3}
OPS = {"push": PUSH, "load": LOAD, "store": STORE, "add": ADD, "sub": SUB, "mul": MUL,
       "mod": MOD, "lt": LT, "jmp": JMP, "jz": JZ, "halt": HALT, "dup": DUP}


def assemble(source):
    lines = []
    labels = {}
    for line in source.strip().splitlines():
        label, _, rest = line.rpartition(":")
        if label:
            labels[label.strip()] = len(lines)
        lines.append(rest.split())
    code = []
    for words in lines:
        arg = words[1] if len(words) > 1 else "0"
        if arg in labels:
            value = labels[arg]
        elif arg in SLOTS:
            value = SLOTS[arg]
        else:
            value = int(arg)
        code.append((OPS[words[0]], value))
    return code


def main(bound, repeats):
    code = assemble(SOURCE)
    total = 0
    for i in range(repeats):
        total += run(code, [0, 0, 0, bound - i])[2]
    return total


print("interp", main(10000, 3))
