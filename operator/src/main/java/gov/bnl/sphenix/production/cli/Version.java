package gov.bnl.sphenix.production.cli;

import picocli.CommandLine;

/** The version printed by {@code prodctl --version}, taken from the jar manifest when there is one. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Prodctl.class.getPackage().getImplementationVersion();
        return new String[] {"prodctl " + (version == null ? "(development build)" : version)};
    }
}
