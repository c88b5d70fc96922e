package org.scokg.model;

import java.util.ArrayList;
import java.util.List;

import com.hankcs.hanlp.HanLP;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.scokg.extract.Dates.TypedDate;
import org.scokg.extract.DocumentTypes;
import org.scokg.extract.Facts;
import org.scokg.extract.Facts.Attendance;
import org.scokg.extract.Facts.Mention;
import org.scokg.extract.Facts.PersonRef;
import org.scokg.extract.Facts.PlaceRef;
import org.scokg.extract.Facts.Provenance;

/**
 * Writes the facts of one document as RDF in the terms of the ontology (docs/MODEL.md).
 * Everything here is a direct transcription; decisions about meaning belong to the rules.
 */
public final class RdfMapper {
    private RdfMapper() {}

    public static Model toModel(Facts.Document d) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Prefixes.standard());
        Resource src = m.createResource(Iris.source(d.fileName()))
            .addProperty(RDF.type, Sco.SourceText)
            .addProperty(Sco.fileName, d.fileName())
            .addLiteral(Sco.characterCount, m.createTypedLiteral(java.math.BigInteger.valueOf(d.characterCount())));
        if (d.title() != null) src.addProperty(Sco.dctTitle, d.title());
        if (d.closingDate() != null) src.addLiteral(Sco.dctDate, date(m, d.closingDate()));

        Resource meeting = null;
        if (d.meeting() != null) {
            Facts.Meeting f = d.meeting();
            meeting = m.createResource(Iris.meeting(f.councilKey(), f.dates().start().lexical()))
                .addProperty(RDF.type, Sco.Meeting)
                .addProperty(RDFS.label, f.label(), "zh")
                .addProperty(Sco.council, m.createResource(f.councilIri()))
                .addLiteral(Sco.startDate, date(m, f.dates().start()))
                .addLiteral(Sco.endDate, date(m, f.dates().end()))
                .addLiteral(Sco.online, m.createTypedLiteral(f.online()))
                .addProperty(Sco.wasDerivedFrom, src);
            if (f.ordinal() != null) meeting.addLiteral(Sco.ordinal, m.createTypedLiteral(java.math.BigInteger.valueOf(f.ordinal())));
            if (f.place() != null) meeting.addProperty(Sco.location, place(m, f.place()));
            provenance(meeting, f.provenance());
            src.addProperty(Sco.reports, meeting);
            if (d.chair() != null) {
                meeting.addProperty(Sco.chair, person(m, d.chair().person()))
                    .addProperty(Sco.chairState, m.createResource(d.chair().stateIri()));
            }
            for (Attendance a : d.attendances()) {
                String key = a.person() != null ? a.person().key()
                    : (a.representsIri().contains("/state/") ? "state-" : "org-")
                      + a.representsIri().substring(a.representsIri().lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
                Resource p = m.createResource(Iris.participation(meeting.getURI(), key))
                    .addProperty(RDF.type, Sco.Participation)
                    .addProperty(Sco.meeting, meeting)
                    .addProperty(Sco.represents, m.createResource(a.representsIri()))
                    .addProperty(Sco.capacity, a.capacity())
                    .addProperty(Sco.attendanceMode, a.mode())
                    .addProperty(Sco.wasDerivedFrom, src);
                if (a.title() != null) p.addProperty(Sco.title, a.title());
                if (a.person() != null) p.addProperty(Sco.participant, person(m, a.person()));
                provenance(p, a.provenance());
            }
        }
        for (Facts.Chairmanship c : d.chairmanships()) {
            Resource r = m.createResource(Iris.chairmanship(d.fileName(), c.provenance().begin()))
                .addProperty(RDF.type, Sco.RotatingChairmanship)
                .addProperty(Sco.state, m.createResource(c.stateIri()))
                .addProperty(Sco.status, c.status())
                .addProperty(Sco.wasDerivedFrom, src);
            if (c.ofIri() != null) r.addProperty(Sco.chairmanshipOf, m.createResource(c.ofIri()));
            if (c.fromYear() != null) r.addLiteral(Sco.fromYear, year(m, c.fromYear()));
            if (c.toYear() != null) r.addLiteral(Sco.toYear, year(m, c.toYear()));
            provenance(r, c.provenance());
        }
        for (Facts.NextMeeting n : d.nextMeetings()) {
            Resource r = m.createResource(Iris.announcement(d.fileName(), n.provenance().begin()))
                .addProperty(RDF.type, Sco.NextMeetingAnnouncement)
                .addLiteral(Sco.year, year(m, n.year()))
                .addProperty(Sco.wasDerivedFrom, src);
            if (n.councilIri() != null) r.addProperty(Sco.council, m.createResource(n.councilIri()));
            if (n.hostStateIri() != null) r.addProperty(Sco.hostState, m.createResource(n.hostStateIri()));
            provenance(r, n.provenance());
        }
        for (Facts.Event e : d.events()) {
            // The series is named with or without 成员国 across years: key it without.
            String seriesSlug = Slugs.pinyin(e.seriesName().replace("成员国", ""));
            Resource series = m.createResource(Iris.series(seriesSlug))
                .addProperty(RDF.type, Sco.MeetingSeries)
                .addProperty(RDFS.label, e.seriesName(), "zh");
            Resource r = m.createResource(Iris.event(seriesSlug, e.dates().start().lexical()))
                .addProperty(RDF.type, Sco.Event)
                .addProperty(RDFS.label, e.name(), "zh")
                .addProperty(Sco.series, series)
                .addLiteral(Sco.startDate, date(m, e.dates().start()))
                .addLiteral(Sco.endDate, date(m, e.dates().end()))
                .addLiteral(Sco.online, m.createTypedLiteral(e.online()))
                .addProperty(Sco.citedIn, src);
            if (e.ordinal() != null) r.addLiteral(Sco.ordinal, m.createTypedLiteral(java.math.BigInteger.valueOf(e.ordinal())));
            if (e.place() != null) r.addProperty(Sco.location, place(m, e.place()));
            provenance(r, e.provenance());
        }
        List<Resource> mentionNodes = new ArrayList<>();
        List<Resource> docNodes = new ArrayList<>();
        for (Mention x : d.mentions()) {
            Resource doc = document(m, x);
            Resource r = m.createResource(Iris.mention(d.fileName(), x.begin()))
                .addProperty(RDF.type, Sco.Mention)
                .addProperty(Sco.mentionOf, doc)
                .addProperty(Sco.inSource, src)
                .addProperty(Sco.surface, x.surface())
                .addProperty(Sco.anchorOf, x.anchor())
                .addLiteral(Sco.nested, m.createTypedLiteral(x.nestedIn() >= 0))
                .addProperty(Sco.action, x.action())
                .addProperty(Sco.wasDerivedFrom, src);
            if (x.date() != null) r.addLiteral(Sco.actionDate, date(m, x.date()));
            if (x.place() != null) r.addProperty(Sco.actionPlace, place(m, x.place()));
            if (x.nestedIn() >= 0) {
                r.addProperty(Sco.nestedIn, mentionNodes.get(x.nestedIn()));
                // The container's title names this document: the container implements it
                // (an action plan of a concept, a programme of a treaty).
                docNodes.get(x.nestedIn()).addProperty(Sco.implementsDocument, doc);
            }
            provenance(r, x.provenance());
            mentionNodes.add(r);
            docNodes.add(doc);
        }
        return m;
    }

    private static Resource document(Model m, Mention x) {
        Resource doc = m.createResource(Iris.document(Slugs.documentSlug(x.key())))
            .addProperty(RDF.type, Sco.Document)
            .addProperty(Sco.canonicalKey, x.key())
            .addProperty(Sco.altLabel, x.surface(), "zh")
            .addProperty(Sco.scope, DocumentTypes.scope(x.key()));
        // Traditional-script input: the surface is simplified; keep the spelling as written too.
        String written = x.anchor().substring(1, x.anchor().length() - 1).replaceAll("\\s+", "");
        if (!written.equals(x.surface()) && !org.scokg.normalize.NormalizedText.toSimplified(written).equals(written))
            doc.addProperty(Sco.altLabel, written, "zh-Hant");
        String type = DocumentTypes.typeOf(x.key());
        if (type != null) doc.addProperty(RDF.type, Sco.documentType(type));
        return doc;
    }

    private static Resource person(Model m, PersonRef p) {
        return m.createResource(Iris.person(p.key()))
            .addProperty(RDF.type, Sco.Person)
            .addProperty(Sco.schemaName, p.name())
            .addProperty(RDFS.label, p.name(), "zh")
            .addProperty(RDFS.label, HanLP.convertToPinyinString(p.name(), " ", false), "zh-Latn-pinyin");
    }

    private static Resource place(Model m, PlaceRef p) {
        Resource r = m.createResource(p.iri());
        if (!p.known()) {
            // A place the gazetteer lacks: describe it here so that it has a label.
            r.addProperty(RDF.type, Sco.Place).addProperty(Sco.prefLabel, p.label(), "zh");
        }
        return r;
    }

    private static void provenance(Resource r, Provenance p) {
        r.addProperty(Sco.rule, p.rule())
            .addLiteral(Sco.beginIndex, r.getModel().createTypedLiteral(p.begin()))
            .addLiteral(Sco.endIndex, r.getModel().createTypedLiteral(p.end()))
            .addProperty(Sco.sentence, p.sentence());
    }

    private static Literal date(Model m, TypedDate d) {
        return m.createTypedLiteral(d.lexical(), d.datatype());
    }

    private static Literal year(Model m, int y) {
        return m.createTypedLiteral(String.format("%04d", y), XSDDatatype.XSDgYear);
    }
}
