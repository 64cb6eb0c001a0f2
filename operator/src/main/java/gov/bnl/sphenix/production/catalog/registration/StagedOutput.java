package gov.bnl.sphenix.production.catalog.registration;

/**
 * An output with the strings registration writes, computed once: building a name from its parts
 * formats numbers, and doing that a handful of times per row was the slowest part of a batch.
 */
record StagedOutput(CatalogedOutput output, String lfn, String product, String tag) {

    static StagedOutput of(CatalogedOutput output, OutputNames names) {
        return new StagedOutput(output, names.fileName(output.file()), output.file().product(),
                names.tag(output.file().tag()));
    }

    String storage() {
        return output.storage();
    }

    String md5() {
        return output.md5();
    }
}
