package gov.bnl.sphenix.production.tools.seed;

import java.time.LocalDateTime;

/** Receives the rows of a synthetic catalog, table by table; the database sink copies them in. */
public interface CatalogRows {

    /** DAQ {@code run}; {@code end} is null for a run still going. */
    void run(int run, String runtype, long events, LocalDateTime begin, LocalDateTime end);

    /** DAQ {@code hostinfo}. */
    void host(int run, String hostname, int serverId);

    /** DAQ {@code filelist}. */
    void daqFile(String filename, int run, String hostname, int sequence, long firstEvent, long lastEvent,
                 boolean transferred);

    /** RawdataCatalog {@code datasets} and {@code files}, one copy per file. */
    void rawFile(String filename, int run, int segment, String dataset, String daqhost, int status,
                 String storage, String path, long size, String md5, LocalDateTime time);
}
