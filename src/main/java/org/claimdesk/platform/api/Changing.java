package org.claimdesk.platform.api;

import jakarta.validation.groups.Default;

/**
 * The validation group of a request that replaces something the sender read: the same body as for
 * creating it, and the version is required too ({@code @ConvertGroup(to = Changing.class)} on the
 * resource method's body).
 */
public interface Changing extends Default {}
