package org.gatehouse.hat.internal;

import java.util.List;
import java.util.Map;

/** One sender group (factory PID {@code org.gatehouse.hat.sendergroup}) as configured. */
record GroupSettings(String listener, String name, int order, String policy, List<String> entries, String comment) {

    static final String LISTENER = "listener";
    static final String NAME = "name";
    static final String ORDER = "order";
    static final String POLICY = "policy";
    static final String ENTRIES = "entries";
    static final String COMMENT = "comment";

    static GroupSettings from(Map<String, ?> props) {
        return new GroupSettings(ConfigValues.required(props, LISTENER), ConfigValues.required(props, NAME),
                ConfigValues.integer(props, ORDER, 100), ConfigValues.required(props, POLICY),
                ConfigValues.list(props, ENTRIES), ConfigValues.text(props, COMMENT, ""));
    }
}
