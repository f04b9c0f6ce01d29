# rules_cases.sh: the cases of the value rules that tests/cli/rules.sh
# drives through set and an import and tests/screen/rules.sh through the
# form: $work/cases, one per line: code|year|value|the rule it breaks
# ("" when the value is accepted). Sourced after lib.sh; sets $y, the
# current fiscal year.

# The window's end moves with the current fiscal year (April to March):
# two years past the later of the target's year and this one.
y=$(date +%Y)
[ "$(date +%m)" -lt 4 ] && y=$((y - 1))
end() { e=$1; [ "$y" -gt "$e" ] && e=$y; echo "R$((e + 2 - 2018))"; }
h05=$(end 2029)	# H05: R4 → R11
h17=$(end 2029)	# H17: H30～R4 → R7～R11, its window from H30
sp1=$(end 2024)	# SP1-1: adopted R1, its last year R6

cat >"$work/cases" <<CASES
H10|R7|93.7|
H10|R7|150|150: a percentage of a whole is 0 to 100
H03|R7|160|
H03|R7|-5|-5: this KPI's values are never negative
H05|R4|15600|
H05|R3|15600|R3 is outside this KPI's years, R4 to $h05
H05|R99|15600|R99 is outside this KPI's years, R4 to $h05
H17|H30|20|
H17|H29|20|H29 is outside this KPI's years, H30 to $h17
SP1-1|H30|0|
SP1-1|H29|0|H29 is outside this KPI's years, H30 to $sp1
SP4-3|R5|31.2|
SP4-3|R5|100.5|100.5: a percentage of a whole is 0 to 100
CASES
