/** JUnit 5 extension that gates tests on per-language MEXA scores. */
package dev.mexa.junit;
