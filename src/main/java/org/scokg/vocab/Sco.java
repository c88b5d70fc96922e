package org.scokg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms of the scokg ontology ({@code ontology/scokg.ttl}) and of the standard
 * vocabularies it reuses. Code names terms only through this class; docs/MODEL.md says
 * how they fit together.
 */
public final class Sco {
    private Sco() {}

    public static final String NS = "https://w3id.org/scokg/ontology#";
    /** Name of the graph that holds the ontology in the store. */
    public static final String ONTOLOGY_GRAPH = "https://w3id.org/scokg/ontology";
    /** Name of the graph that holds the gazetteer (states, places, organisations). */
    public static final String GAZETTEER_GRAPH = "https://w3id.org/scokg/gazetteer";

    public static final String SCHEMA = "https://schema.org/";
    public static final String ORG = "http://www.w3.org/ns/org#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    public static final String WIKIDATA = "http://www.wikidata.org/entity/";

    private static Resource cls(String local) { return ResourceFactory.createResource(NS + local); }
    private static Property prop(String local) { return ResourceFactory.createProperty(NS + local); }
    private static Property prop(String ns, String local) { return ResourceFactory.createProperty(ns + local); }

    // --- classes
    public static final Resource SourceText = cls("SourceText");
    public static final Resource Meeting = cls("Meeting");
    public static final Resource Participation = cls("Participation");
    public static final Resource State = cls("State");
    public static final Resource City = cls("City");
    public static final Resource Organisation = cls("Organisation");
    public static final Resource SCOBody = cls("SCOBody");
    public static final Resource Council = cls("Council");
    public static final Resource RotatingChairmanship = cls("RotatingChairmanship");
    public static final Resource NextMeetingAnnouncement = cls("NextMeetingAnnouncement");
    public static final Resource Document = cls("Document");
    public static final Resource Mention = cls("Mention");
    public static final Resource Event = cls("Event");
    public static final Resource Reference = cls("Reference");
    public static final Resource DocumentAct = cls("DocumentAct");
    public static final Resource ExtractionActivity = cls("ExtractionActivity");
    public static final Resource MeetingSeries = cls("MeetingSeries");
    public static final Resource Person = ResourceFactory.createResource(SCHEMA + "Person");
    /** A region below a state (e.g. the Indian state of Goa): a place of the gazetteer that is no city. */
    public static final Resource AdministrativeArea = ResourceFactory.createResource(SCHEMA + "AdministrativeArea");

    /** The subclass of sco:Document for a document type name such as "Agreement". */
    public static Resource documentType(String localName) { return cls(localName); }

    // --- sco properties
    public static final Property fileName = prop("fileName");
    public static final Property characterCount = prop("characterCount");
    public static final Property titleKeyVersion = prop("titleKeyVersion");
    public static final Property reports = prop("reports");
    public static final Property council = prop("council");
    public static final Property ordinal = prop("ordinal");
    public static final Property online = prop("online");
    public static final Property chair = prop("chair");
    public static final Property chairState = prop("chairState");
    public static final Property meeting = prop("meeting");
    public static final Property participant = prop("participant");
    public static final Property represents = prop("represents");
    public static final Property title = prop("title");
    public static final Property capacity = prop("capacity");
    public static final Property attendanceMode = prop("attendanceMode");
    public static final Property rule = prop("rule");
    public static final Property sentence = prop("sentence");
    /** The text of a nif:Sentence as the rules read it; what the full-text index indexes. */
    public static final Property text = prop("text");
    public static final Property shortName = prop("shortName");
    public static final Property isoCode = prop("isoCode");
    public static final Property state = prop("state");
    public static final Property fromYear = prop("fromYear");
    public static final Property toYear = prop("toYear");
    public static final Property status = prop("status");
    public static final Property chairmanshipOf = prop("chairmanshipOf");
    public static final Property year = prop("year");
    public static final Property hostState = prop("hostState");
    public static final Property canonicalKey = prop("canonicalKey");
    public static final Property canonicalDocument = prop("canonicalDocument");
    public static final Property scope = prop("scope");
    public static final Property implementsDocument = prop("implements");
    public static final Property memberSince = prop("memberSince");
    public static final Property observerSince = prop("observerSince");
    public static final Property dialoguePartnerSince = prop("dialoguePartnerSince");
    public static final Property mentionOf = prop("mentionOf");
    public static final Property inSource = prop("inSource");
    public static final Property surface = prop("surface");
    public static final Property nested = prop("nested");
    public static final Property nestedIn = prop("nestedIn");
    public static final Property action = prop("action");
    public static final Property actionDate = prop("actionDate");
    public static final Property actionPlace = prop("actionPlace");
    public static final Property series = prop("series");
    public static final Property citedIn = prop("citedIn");
    public static final Property refersTo = prop("refersTo");
    public static final Property act = prop("act");
    public static final Property actsDisagree = prop("actsDisagree");
    public static final Property unresolved = prop("unresolved");

    // --- reused vocabularies
    public static final Property schemaName = prop(SCHEMA, "name");
    public static final Property startDate = prop(SCHEMA, "startDate");
    public static final Property endDate = prop(SCHEMA, "endDate");
    public static final Property location = prop(SCHEMA, "location");
    public static final Property containedInPlace = prop(SCHEMA, "containedInPlace");
    public static final Property subOrganizationOf = prop(ORG, "subOrganizationOf");
    public static final Property dctTitle = prop(DCT, "title");
    public static final Property dctDate = prop(DCT, "date");
    public static final Property prefLabel = prop(SKOS, "prefLabel");
    public static final Property altLabel = prop(SKOS, "altLabel");
    public static final Property wasDerivedFrom = prop(PROV, "wasDerivedFrom");
    public static final Property wasGeneratedBy = prop(PROV, "wasGeneratedBy");
    public static final Property used = prop(PROV, "used");
    public static final Property wasAssociatedWith = prop(PROV, "wasAssociatedWith");
    public static final Property referenceContext = prop(NIF, "referenceContext");
    public static final Resource NifContext = ResourceFactory.createResource(NIF + "Context");
    public static final Resource NifSentence = ResourceFactory.createResource(NIF + "Sentence");
    public static final Resource ProvSoftwareAgent = ResourceFactory.createResource(PROV + "SoftwareAgent");
    public static final Property beginIndex = prop(NIF, "beginIndex");
    public static final Property endIndex = prop(NIF, "endIndex");
    public static final Property anchorOf = prop(NIF, "anchorOf");
    public static final Resource Place = ResourceFactory.createResource(SCHEMA + "Place");
}
