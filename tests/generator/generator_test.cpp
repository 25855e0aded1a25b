// SPDX-License-Identifier: MPL-2.0
// The generator of municipal forms (tests/generator): forms without mistakes
// pass the core's check with no error, the ones with mistakes do not; the
// same seed gives the same forms; every municipality is another; the data
// file written is read back as the same data.

#include "generator.hpp"
#include "names.hpp"

#include "../unit/fods_snapshot.hpp"
#include "msoko/form.hpp"
#include "msoko/validation.hpp"

#include <gtest/gtest.h>

#include <set>

namespace {

using namespace msoko;

const Catalogue& catalogue() {
    static const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    return c;
}

/// The bundled sample's data: the proportions the generated figures follow.
const FormData* reference() {
    static const FormData d = read_form_data(MSOKO_REFERENCE_FILE);
    return &d;
}

ValidationReport check(const FormData& d) {
    return validate(catalogue(), test::fods_snapshot(catalogue(), form_fods(catalogue(), d, "test")), {});
}

std::string errors_of(const ValidationReport& r) {
    std::string out;
    for (const auto& f : r.findings)
        if (f.severity == Severity::Error)
            out += f.sheet + " " + f.organisation + " " + f.field + " «" + f.value + "»: " + f.message + " [" + f.id +
                   "]\n";
    return out;
}

TEST(Generator, FormsWithoutMistakesHaveNoErrorInTheCheck) {
    gen::GeneratorOptions o;
    o.count = 6;
    o.seed = 7;
    o.reference = reference();
    for (const auto& g : gen::generate(catalogue(), o)) {
        const ValidationReport r = check(g.data);
        EXPECT_EQ(r.count(Severity::Error), 0u) << g.file_name << ":\n" << errors_of(r);
        EXPECT_TRUE(g.mistakes.empty());
    }
}

// Without a reference the figures come from the fields' ranges; the rules hold all the same.
TEST(Generator, SmallAndLargeFormsToo) {
    for (std::size_t size : {3u, 40u}) {
        gen::GeneratorOptions o;
        o.count = 2;
        o.seed = 100 + size;
        o.min_schools = o.max_schools = size;
        o.min_kindergartens = o.max_kindergartens = std::min<std::size_t>(size, 30);
        for (const auto& g : gen::generate(catalogue(), o)) {
            EXPECT_EQ(g.data.register_rows("schools"), size);
            const ValidationReport r = check(g.data);
            EXPECT_EQ(r.count(Severity::Error), 0u) << g.file_name << ":\n" << errors_of(r);
        }
    }
}

TEST(Generator, FormsWithMistakesHaveErrorsOfThoseKinds) {
    gen::GeneratorOptions o;
    o.count = 4;
    o.seed = 3;
    o.mistakes = 2;
    o.reference = reference();
    std::size_t with = 0;
    for (const auto& g : gen::generate(catalogue(), o)) {
        if (g.mistakes.empty())
            continue;
        ++with;
        EXPECT_EQ(g.mistakes.size(), 3u);
        const ValidationReport r = check(g.data);
        std::set<std::string> kinds;
        for (const auto& f : r.findings)
            if (f.severity == Severity::Error)
                kinds.insert(f.kind);
        EXPECT_TRUE(kinds.count("rule.part_whole")) << errors_of(r);
        EXPECT_TRUE(kinds.count("type.count")) << errors_of(r);
        EXPECT_TRUE(kinds.count("required")) << errors_of(r);
    }
    EXPECT_EQ(with, 2u);
}

TEST(Generator, DeterministicForASeedAndEveryMunicipalityAnother) {
    gen::GeneratorOptions o;
    o.count = 12;
    o.seed = 42;
    const auto a = gen::generate(catalogue(), o);
    const auto b = gen::generate(catalogue(), o);
    std::set<std::string> names;
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(form_data_json(a[i].data), form_data_json(b[i].data));
        names.insert(a[i].data.passport.at("municipality"));
        const std::size_t schools = a[i].data.register_rows("schools");
        EXPECT_GE(schools, 3u);
        EXPECT_LE(schools, 40u);
        EXPECT_GE(a[i].data.register_rows("kindergartens"), 2u);
        EXPECT_LE(a[i].data.register_rows("kindergartens"), 30u);
    }
    EXPECT_EQ(names.size(), a.size());
    o.seed = 43;
    EXPECT_NE(form_data_json(gen::generate(catalogue(), o)[0].data), form_data_json(a[0].data));
    // Every name the generator has is another.
    std::set<std::string> all;
    for (std::size_t i = 0; i < gen::municipality_names(); ++i)
        all.insert(gen::municipality_name(i).name);
    EXPECT_EQ(all.size(), gen::municipality_names());
    EXPECT_GE(all.size(), 400u);
}

TEST(Generator, EveryFieldOfTheCatalogueIsFilled) {
    gen::GeneratorOptions o;
    o.seed = 5;
    const FormData d = gen::generate_forms(catalogue(), o).at(0);
    for (const auto& e : d.organisations) {
        for (const Field& f : catalogue().fields) {
            if (f.concerns(e.type) && f.required) {
                EXPECT_TRUE(d.values.at(e.code).count(f.id)) << e.code << " " << f.id;
            }
        }
    }
    EXPECT_FALSE(d.previous.empty());
}

// Over many schools, a share (Σ numerators / Σ denominators) is near the reference's.
TEST(Generator, SharesFollowTheReference) {
    gen::GeneratorOptions o;
    o.count = 10;
    o.seed = 21;
    o.reference = reference();
    const auto forms = gen::generate_forms(catalogue(), o);
    const auto share = [](const std::vector<FormData>& list, const Indicator& i) {
        double num = 0, den = 0;
        for (const auto& d : list)
            for (const auto& e : d.organisations) {
                const auto& row = d.values.at(e.code);
                const auto n = row.find(i.compute.numerator[0]), m = row.find(i.compute.denominator[0]);
                if (n != row.end() && m != row.end() && n->second.kind() == Cell::Kind::Number &&
                    m->second.kind() == Cell::Kind::Number) {
                    num += n->second.number();
                    den += m->second.number();
                }
            }
        return den > 0 ? num / den : -1.0;
    };
    std::size_t compared = 0, near = 0;
    for (const Indicator& i : catalogue().indicators) {
        if (i.compute.kind != Computation::Kind::Ratio || i.compute.numerator.size() != 1 ||
            i.compute.denominator.size() != 1)
            continue;
        const double want = share({*reference()}, i), got = share(forms, i);
        if (want <= 0.01 || got < 0)
            continue;
        ++compared;
        near += got >= want / 1.5 && got <= want * 1.5;
    }
    EXPECT_GT(compared, 30u);
    EXPECT_GE(near * 10, compared * 8) << near << " of " << compared << " shares near the reference's";
}

TEST(FormDataJson, ReadBackAsTheSameData) {
    gen::GeneratorOptions o;
    o.seed = 9;
    o.mistakes = 1;
    const FormData d = gen::generate_forms(catalogue(), o).at(0);
    const std::string text = form_data_json(d, catalogue().info.id);
    const FormData back = parse_form_data(text, "generated.json");
    EXPECT_EQ(form_data_json(back, catalogue().info.id), text);
    EXPECT_EQ(back.passport, d.passport);
    EXPECT_EQ(back.rows, d.rows);
    EXPECT_EQ(back.organisations.size(), d.organisations.size());
    EXPECT_EQ(back.previous, d.previous);
    // The form written from either is the same.
    EXPECT_EQ(form_fods(catalogue(), back, "test"), form_fods(catalogue(), d, "test"));
}

}  // namespace
