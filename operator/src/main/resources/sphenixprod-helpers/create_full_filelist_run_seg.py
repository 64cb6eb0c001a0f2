#!/usr/bin/env python3
"""create_full_filelist_run_seg.py <dataset> <intriplet> <dsttype> <run> <seg>

Writes infile.list (one input a line, the list the macros read) and infile_paths.list
("<path> <md5> <size> <host>" a line, the list stage-in checks read) for a downstream job. The
files come from the shipped prodop-inputs.txt (see prodop_inputs.py), not from a database;
the arguments are checked and logged. infile.list names full paths: Fun4All opens a name with a
'/' as it is, so no file catalog is needed on the worker to find the inputs.
"""

import os
import sys
from pathlib import Path

from prodop_inputs import BAD_ARGUMENTS, fail, integer, read_inputs, write_list

LIST = "infile.list"
PATHS_LIST = "infile_paths.list"
UNKNOWN_MD5 = "none"


def described(path):
    size = os.stat(path).st_size if os.path.isfile(path) else -1
    return f"{path} {UNKNOWN_MD5} {size} {os.uname().nodename}"


def main():
    if len(sys.argv) != 6:
        fail(BAD_ARGUMENTS, "usage: create_full_filelist_run_seg.py <dataset> <intriplet> <dsttype> <run> <seg>")
    dataset, intriplet, dsttype = sys.argv[1:4]
    run, seg = integer("run", sys.argv[4]), integer("segment", sys.argv[5])
    for stale in (LIST, PATHS_LIST):
        Path(stale).unlink(missing_ok=True)
    paths = [item.path for item in read_inputs()]
    print(f"inputs of {dsttype} {dataset}/{intriplet} run {run} segment {seg}: {len(paths)} files")
    write_list(LIST, paths)
    write_list(PATHS_LIST, [described(path) for path in paths])


if __name__ == "__main__":
    main()
