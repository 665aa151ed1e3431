package org.gatehouse.maillog.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Gatehouse mail log",
        description = "Where the mail log (text and JSON lines) is written.")
public @interface MailLogConfig {

    @AttributeDefinition(name = "Directory",
            description = "Folder of mail.log and mail.json; empty means ${karaf.data}/log.")
    String directory() default "";

    @AttributeDefinition(name = "Queue capacity",
            description = "Events held in memory while the disk is slow; past it events are counted as lost, mail never waits.")
    int queue_capacity() default 65536;
}
