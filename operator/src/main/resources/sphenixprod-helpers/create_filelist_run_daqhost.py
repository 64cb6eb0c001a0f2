#!/usr/bin/env python3
"""create_filelist_run_daqhost.py <run> <daqhost> <inputs>

Writes <host>.list for the job's DAQ host and for gl1daq, one raw file a line, as the combiner
scripts expect; the files come from the shipped prodop-inputs.txt (see prodop_inputs.py), not
from a database. <inputs> is the rule's mode, seg0fromdb or allsegsfromdb: the operator has
applied it when it chose the files, so here it is only checked.
"""

import sys

from prodop_inputs import BAD_ARGUMENTS, NO_INPUTS, fail, integer, read_inputs, write_list

GL1_HOST = "gl1daq"
MODES = ("seg0fromdb", "allsegsfromdb")


def main():
    if len(sys.argv) != 4:
        fail(BAD_ARGUMENTS, "usage: create_filelist_run_daqhost.py <run> <daqhost> <seg0fromdb|allsegsfromdb>")
    integer("run", sys.argv[1])
    daqhost, mode = sys.argv[2], sys.argv[3]
    if mode not in MODES:
        fail(BAD_ARGUMENTS, f"inputs mode '{mode}' must be one of {', '.join(MODES)}")
    by_host = {}
    for item in read_inputs():
        if item.daqhost is None:
            fail(BAD_ARGUMENTS, f"{item.path} has no DAQ host in the input list; a combiner needs one per file")
        if item.daqhost in (daqhost, GL1_HOST):
            by_host.setdefault(item.daqhost, []).append(item.path)
    if not by_host:
        fail(NO_INPUTS, f"no input files of {daqhost} or {GL1_HOST}")
    for host, paths in by_host.items():
        write_list(f"{host}.list", paths)


if __name__ == "__main__":
    main()
