/** Casework: a case per claim, who works it, how urgent it is, and the queues of the desk. */
package org.claimdesk.casework;
