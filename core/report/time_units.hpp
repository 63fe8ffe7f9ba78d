#pragma once
// The report's units of time, from days: a week, and a month as a twelfth of a Julian year.
namespace itp {

constexpr double kDaysPerWeek = 7;
constexpr double kDaysPerMonth = 30.4375;  // 365.25 / 12

}  // namespace itp
