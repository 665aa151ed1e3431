package org.gatehouse.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;
import org.junit.runners.Suite.SuiteClasses;

/**
 * All integration tests against one container boot (Pax Exam's PerSuite strategy ends the
 * container when the JUnit run that started it ends; failsafe runs each class as its own run,
 * so the classes are grouped here). Failsafe runs only this suite; one class alone:
 * {@code mvn verify -pl itests -Dit.test=MailFlowIT}.
 *
 * <p>Add a new test class here. The queue restart test goes last: it restarts a bundle.
 */
@RunWith(Suite.class)
@SuiteClasses({
    DistributionBootIT.class,
    ConsoleIT.class,
    MailFlowIT.class,
    HostileInputIT.class,
    HatIT.class,
    SmtpAuthIT.class,
    MailAuthIT.class,
    LicensingIT.class,
    LicensedStageIT.class,
    AntivirusIT.class,
    AntivirusActionsIT.class,
    AntispamIT.class,
    QueueRestartIT.class,
})
public class GatehouseSuiteIT {
}
