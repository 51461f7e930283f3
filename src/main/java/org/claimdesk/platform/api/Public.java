package org.claimdesk.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation anyone may call without signing in. Web.xml's "public" collection is what lets them
 * through; this marks them for {@link ApiDocument}. (Jakarta's {@code @PermitAll} is not used: on
 * Payara it turns on authentication for the method and then answers 401.)
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Public {}
