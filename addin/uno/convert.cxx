// SPDX-License-Identifier: MPL-2.0
#include "convert.hxx"

#include "guard.hxx"

#include <sal/mathconf.h>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/TypeClass.hpp>
#include <rtl/math.hxx>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>

namespace msoko::uno {

using css::uno::TypeClass;

namespace {

// UTF-16 → UTF-8 straight into one std::string: a workbook holds hundreds of
// thousands of texts, and the office's own conversion allocates twice.
std::string utf8_of(const OUString& s) {
    const sal_Unicode* p = s.getStr();
    const sal_Int32 n = s.getLength();
    std::size_t size = 0;
    for (sal_Int32 i = 0; i < n; ++i) {
        const sal_Unicode u = p[i];
        if (u < 0x80)
            size += 1;
        else if (u < 0x800)
            size += 2;
        else if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n && p[i + 1] >= 0xDC00 && p[i + 1] <= 0xDFFF) {
            size += 4;
            ++i;
        } else
            size += 3;
    }
    std::string out(size, '\0');
    char* o = out.data();
    for (sal_Int32 i = 0; i < n; ++i) {
        sal_uInt32 u = p[i];
        if (u < 0x80) {
            *o++ = static_cast<char>(u);
        } else if (u < 0x800) {
            *o++ = static_cast<char>(0xC0 | (u >> 6));
            *o++ = static_cast<char>(0x80 | (u & 0x3F));
        } else if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n && p[i + 1] >= 0xDC00 && p[i + 1] <= 0xDFFF) {
            u = 0x10000 + ((u - 0xD800) << 10) + (p[++i] - 0xDC00);
            *o++ = static_cast<char>(0xF0 | (u >> 18));
            *o++ = static_cast<char>(0x80 | ((u >> 12) & 0x3F));
            *o++ = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
            *o++ = static_cast<char>(0x80 | (u & 0x3F));
        } else {
            if (u >= 0xD800 && u <= 0xDFFF)  // a lone surrogate: U+FFFD, still 3 bytes, valid UTF-8
                u = 0xFFFD;
            *o++ = static_cast<char>(0xE0 | (u >> 12));
            *o++ = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
            *o++ = static_cast<char>(0x80 | (u & 0x3F));
        }
    }
    return out;
}

}  // namespace

Cell to_cell(const css::uno::Any& value) {
    switch (value.getValueTypeClass()) {
        case TypeClass::TypeClass_BYTE:
        case TypeClass::TypeClass_SHORT:
        case TypeClass::TypeClass_UNSIGNED_SHORT:
        case TypeClass::TypeClass_LONG:
        case TypeClass::TypeClass_UNSIGNED_LONG:
        case TypeClass::TypeClass_FLOAT:
        case TypeClass::TypeClass_DOUBLE: {
            double d = 0.0;
            value >>= d;  // every type above widens to double without loss
            return Cell::number(d);
        }
        case TypeClass::TypeClass_HYPER:
            return Cell::number(static_cast<double>(*static_cast<const sal_Int64*>(value.getValue())));
        case TypeClass::TypeClass_UNSIGNED_HYPER:
            return Cell::number(static_cast<double>(*static_cast<const sal_uInt64*>(value.getValue())));
        case TypeClass::TypeClass_STRING: {
            const OUString& s = *static_cast<const OUString*>(value.getValue());
            return s.isEmpty() ? Cell::empty() : Cell::text(utf8_of(s));
        }
        default:
            return Cell::error();
    }
}

namespace {

bool blank(const css::uno::Any& v) {
    return v.getValueTypeClass() == TypeClass::TypeClass_STRING &&
           static_cast<const OUString*>(v.getValue())->isEmpty();
}

Range convert(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows, std::size_t n_rows,
              sal_Int16 argument_position) {
    const std::size_t n_cols = n_rows ? static_cast<std::size_t>(rows[0].getLength()) : 0;
    std::vector<Cell> cells;
    cells.reserve(n_rows * n_cols);
    for (std::size_t r = 0; r < n_rows; ++r) {
        const auto& row = rows[static_cast<sal_Int32>(r)];
        if (static_cast<std::size_t>(row.getLength()) != n_cols)
            throw css::lang::IllegalArgumentException("rows of a range argument differ in length",
                                                      css::uno::Reference<css::uno::XInterface>(), argument_position);
        for (const auto& v : row)
            cells.push_back(to_cell(v));
    }
    return Range(n_rows, n_cols, std::move(cells));
}

}  // namespace

Range to_range(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows, sal_Int16 argument_position) {
    return convert(rows, static_cast<std::size_t>(rows.getLength()), argument_position);
}

Range to_table_range(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows, sal_Int16 argument_position) {
    sal_Int32 last = rows.getLength() - 1;
    for (; last > 0; --last)
        if (!std::all_of(rows[last].begin(), rows[last].end(), blank))
            break;
    return convert(rows, static_cast<std::size_t>(last + 1), argument_position);
}

namespace {

// The standard format of a number as Calc writes it in any locale: an
// optional sign, digits, a decimal separator ("." or ",") followed by digits,
// an exponent ("E+300", "E-07"). Nothing else: no grouping, no spaces, no
// "inf", no "5," or ",5".
std::optional<double> standard_number(const OUString& s) {
    const sal_Int32 n = s.getLength();
    std::string a;
    a.reserve(static_cast<std::size_t>(n));
    sal_Int32 i = 0;
    const auto digits = [&] {
        const sal_Int32 from = i;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; ++i)
            a += static_cast<char>(s[i]);
        return i - from;
    };
    if (i < n && (s[i] == '-' || s[i] == '+')) {
        if (s[i] == '-')
            a += '-';
        ++i;
    }
    if (digits() == 0)
        return std::nullopt;
    if (i < n && (s[i] == '.' || s[i] == ',')) {
        a += '.';
        ++i;
        if (digits() == 0)
            return std::nullopt;
    }
    if (i < n && (s[i] == 'E' || s[i] == 'e')) {
        a += 'e';
        ++i;
        if (i < n && (s[i] == '-' || s[i] == '+'))
            a += static_cast<char>(s[i++]);
        if (digits() == 0)
            return std::nullopt;
    }
    if (i != n)
        return std::nullopt;
    double v = 0;
    const auto [end, ec] = std::from_chars(a.data(), a.data() + a.size(), v);
    if (ec != std::errc() || end != a.data() + a.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

}  // namespace

Cell to_scalar(const OUString& typed) {
    if (typed.isEmpty())
        return Cell::empty();
    if (const auto number = standard_number(typed))
        return Cell::number(*number);
    return Cell::text(utf8_of(typed));
}

Cell to_single(const css::uno::Any& value, sal_Int16 argument_position) {
    css::uno::Sequence<css::uno::Sequence<css::uno::Any>> rows;
    if (!(value >>= rows))
        return to_cell(value);
    if (rows.getLength() == 1 && rows[0].getLength() == 1)
        return to_cell(rows[0][0]);
    throw css::lang::IllegalArgumentException("one value is needed here, not a range or an array",
                                              css::uno::Reference<css::uno::XInterface>(), argument_position);
}

double error_element(sal_uInt32 code) {
    sal_math_Double v;
    rtl::math::setNan(&v.value);
    v.nan_parts.fraction_lo = code;
    return v.value;
}

}  // namespace msoko::uno
