package org.gatehouse.delivery.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** One SMTP route, from one {@code org.gatehouse.route} factory configuration. */
@Component(service = ConfiguredRoute.class, configurationPid = "org.gatehouse.route",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RouteConfig.class, factory = true)
public class ConfiguredRoute {

    private final Route route;

    @Activate
    public ConfiguredRoute(RouteConfig config) {
        this.route = Route.parse(config.domain(), config.hosts());
    }

    public Route route() {
        return route;
    }
}
