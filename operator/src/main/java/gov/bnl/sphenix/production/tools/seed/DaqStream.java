package gov.bnl.sphenix.production.tools.seed;

import java.util.Objects;

/**
 * One stream the sPHENIX DAQ writes files for: {@code ebdc07_1} is server 1 of TPC event builder
 * {@code ebdc07}; {@code intt3}, {@code gl1daq} and {@code seb05} are their hosts' only stream.
 *
 * @param detector   prefix of the file names ({@code TPC}, {@code INTT}, ...)
 * @param fileWeight how many sequence files this stream writes per hour, relative to the others
 */
public record DaqStream(String name, String host, int serverId, String detector, double fileWeight) {

    public DaqStream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(detector, "detector");
    }

    /** {@code TPC_ebdc07_1_physics-00067962-0000.evt}: the DAQ's own file name. */
    public String fileName(String runtype, int run, int sequence) {
        StringBuilder name = new StringBuilder(48)
                .append(detector).append('_').append(this.name).append('_').append(runtype).append('-');
        Padding.append(name, run, 8).append('-');
        return Padding.append(name, sequence, 4).append(".evt").toString();
    }
}
