package org.gatehouse.queue.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the queue, PID {@code org.gatehouse.queue}. */
@ObjectClassDefinition(name = "Gatehouse queue",
        description = "The durable spool, the work queue that runs the pipeline stages, and MID allocation.")
public @interface QueueConfig {

    @AttributeDefinition(name = "Spool directory",
            description = "Where accepted mail is kept. Empty: ${karaf.data}/spool.")
    String spool_directory() default "";

    @AttributeDefinition(name = "Workers", description = "Threads running the pipeline stages, one message each.",
            min = "1")
    int workers() default 2;

    @AttributeDefinition(name = "Fsync",
            description = "Force every message to disk before saying 250. Turn off only for tests: a crash then loses mail.")
    boolean fsync() default true;

    @AttributeDefinition(name = "Stage grace (seconds)",
            description = "When a stage goes away (its bundle being updated), messages wait this long for it to "
                    + "come back before the pipeline runs without it.", min = "0")
    int stage_grace_seconds() default 120;
}
