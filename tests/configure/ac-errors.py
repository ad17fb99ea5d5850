#!/usr/bin/env python3
"""Prints every AC_MSG_ERROR message of a configure.ac, one a line, with
its whitespace squeezed, m4 quotes and m4_normalize removed and shell
variables kept as written (used by configure-errors.test)."""
import re
import sys


def argument(text, i):
    """The first argument of the macro call whose '(' is at text[i]."""
    depth_paren, depth_quote, j = 0, 0, i
    while j < len(text):
        c = text[j]
        if c == '[':
            depth_quote += 1
        elif c == ']':
            depth_quote -= 1
        elif depth_quote == 0 and c == '(':
            depth_paren += 1
        elif depth_quote == 0 and c == ')':
            depth_paren -= 1
            if depth_paren == 0:
                return text[i + 1:j]
        elif depth_quote == 0 and depth_paren == 1 and c == ',':
            return text[i + 1:j]
        j += 1
    return text[i + 1:]


def clean(arg):
    arg = arg.strip()
    m = re.fullmatch(r'\[?\s*m4_normalize\(\[(.*)\]\)\s*\]?', arg, re.S)
    if m:
        arg = m.group(1)
    arg = arg.replace('[', '').replace(']', '')
    arg = arg.replace('@<:@', '[').replace('@:>@', ']')
    return ' '.join(arg.split())


text = open(sys.argv[1], encoding='utf-8').read()
# dnl comments are not code
text = re.sub(r'(^|\s)dnl\b[^\n]*', r'\1', text)
seen = set()
for m in re.finditer(r'AC_MSG_ERROR\(', text):
    msg = clean(argument(text, m.end() - 1))
    if msg and msg not in seen:
        seen.add(msg)
        print(msg)
