package io.gridpbx.core.dialog;

import java.util.List;
import java.util.Map;

/** Where ended calls are kept for reports and billing. */
public interface CdrStore {

    void record(Cdr cdr);

    /** CDRs of client domains at or below {@code domain}, started in [from, to). */
    List<Cdr> within(String domain, long fromMillis, long toMillis);

    /**
     * How many CDRs started in [from, to) dial a callee whose user part begins with one of
     * {@code prefixes}, per client domain. Counted where the CDRs are kept, so that the caller
     * receives one number per client, not the CDRs.
     */
    Map<String, Long> dialledWithPrefixPerClient(List<String> prefixes, long fromMillis, long toMillis);
}
