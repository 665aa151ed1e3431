package org.gatehouse.sockets.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Gatehouse listening sockets",
        description = "Holds listener ports open while a listener bundle is updated.")
public @interface SocketsConfig {

    @AttributeDefinition(name = "Hand-over time (seconds)",
            description = "How long a port stays open, with connections waiting in the accept queue, "
                    + "after its listener stopped serving it (an update); unclaimed after that, it closes.")
    int handover_seconds() default 30;
}
