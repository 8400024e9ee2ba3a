package io.roleradar.model;

/** Where the work happens, as the posting states it. */
public enum RemoteMode {
    REMOTE,
    HYBRID,
    ONSITE,
    UNKNOWN
}
