"""The job's input list as the operator ships it, for the two list helpers of this directory.

prodop-inputs.txt sits in the job's scratch directory (the operator adds it to the payload). Not
*.list: the combiner scripts count the *.list files of the scratch directory and stop unless
they find exactly one GL1 list and one host list.

One input file a line: its full path, then, for raw DAQ files, the DAQ host that wrote it
(e.g. "/sphenix/lustre01/.../GL1_physics_gl1daq-00054321-0000.evt gl1daq"). Blank lines and
lines starting with '#' are skipped. The operator has already chosen these files from its
catalogs, so the helpers read no database.
"""

import sys
from pathlib import Path

INPUT_LIST = "prodop-inputs.txt"

# sphenixprod's exit codes: 2 bad arguments, 10 no input files found.
BAD_ARGUMENTS = 2
NO_INPUTS = 10


class Input:
    def __init__(self, path, daqhost):
        self.path = path
        self.daqhost = daqhost


def read_inputs():
    """The shipped inputs, in the order given; ends the process with NO_INPUTS when there are none."""
    listed = Path(INPUT_LIST)
    if not listed.is_file():
        fail(NO_INPUTS, f"no {INPUT_LIST} in {Path.cwd()}: the operator ships one with every job")
    inputs = []
    for number, line in enumerate(listed.read_text().splitlines(), start=1):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if len(fields) > 2:
            fail(BAD_ARGUMENTS, f"{INPUT_LIST}:{number}: expected '<path> [<daqhost>]', got '{line}'")
        inputs.append(Input(fields[0], fields[1] if len(fields) == 2 else None))
    if not inputs:
        fail(NO_INPUTS, f"{INPUT_LIST} names no input files")
    return inputs


def write_list(name, lines):
    Path(name).write_text("".join(f"{line}\n" for line in lines))
    print(f"wrote {name} ({len(lines)} files)")


def integer(name, text):
    try:
        return int(text)
    except ValueError:
        fail(BAD_ARGUMENTS, f"{name} '{text}' must be an integer")


def fail(code, message):
    print(f"{Path(sys.argv[0]).name}: {message}", file=sys.stderr)
    sys.exit(code)
