/** Each person's inbox: what they were mentioned in or put on, until they have read it. */
package org.claimdesk.inbox;
