using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records.Listing;

/// <summary>
/// A field a list can be sorted by, with what keyset paging needs: the order (the key, then the id, both in the
/// chosen direction) and the filter "after this key and id" in that order. SQLite puts NULL first when ascending
/// and last when descending; the filter follows it. Enums are stored as their names and so sort by name; partial
/// dates are stored as ISO text and sort in date order.
/// </summary>
internal abstract class SortField<TEntity>(string name)
    where TEntity : class, IEditableRecord
{
    public string Name { get; } = name;

    public abstract IOrderedQueryable<TEntity> Order(IQueryable<TEntity> query, bool descending);

    /// <summary>The records after (<paramref name="key"/>, <paramref name="id"/>) in the order; null when <paramref name="key"/> is not a key of this field.</summary>
    public abstract Expression<Func<TEntity, bool>>? After(string? key, int id, bool descending);

    /// <summary>The key of the record with <paramref name="id"/>, as cursor text.</summary>
    public abstract Task<string?> KeyTextAsync(IQueryable<TEntity> query, int id, CancellationToken cancellationToken);
}

/// <summary>Builds <see cref="SortField{TEntity}"/>s from key expressions.</summary>
internal static class SortField
{
    public static SortField<TEntity> Of<TEntity, TKey>(string name, Expression<Func<TEntity, TKey>> key)
        where TEntity : class, IEditableRecord => new Typed<TEntity, TKey>(name, key);

    private sealed class Holder<T>(T value)
    {
        public T Value { get; } = value;
    }

    private sealed class Typed<TEntity, TKey>(string name, Expression<Func<TEntity, TKey>> key) : SortField<TEntity>(name)
        where TEntity : class, IEditableRecord
    {
        private static readonly Type Underlying = Nullable.GetUnderlyingType(typeof(TKey)) ?? typeof(TKey);

        private static readonly bool CanBeNull = !typeof(TKey).IsValueType || Nullable.GetUnderlyingType(typeof(TKey)) is not null;

        public override IOrderedQueryable<TEntity> Order(IQueryable<TEntity> query, bool descending) =>
            descending
                ? query.OrderByDescending(key).ThenByDescending(r => r.Id)
                : query.OrderBy(key).ThenBy(r => r.Id);

        public override Expression<Func<TEntity, bool>>? After(string? text, int id, bool descending)
        {
            var parameter = key.Parameters[0];
            var member = key.Body;
            var recordId = Expression.Property(parameter, nameof(IEditableRecord.Id));
            var idValue = Parameter(id);
            var idAfter = descending ? Expression.LessThan(recordId, idValue) : Expression.GreaterThan(recordId, idValue);
            Expression body;
            if (text is null)
            {
                if (!CanBeNull)
                {
                    return null;
                }

                // (NULL, id): ascending, the other NULLs with a larger id, then every value; descending, only NULLs.
                var isNull = Expression.Equal(member, Expression.Constant(null, typeof(TKey)));
                var nullsAfter = Expression.AndAlso(isNull, idAfter);
                body = descending ? nullsAfter : Expression.OrElse(nullsAfter, Expression.Not(isNull));
            }
            else
            {
                if (!TryParse(text, out var value))
                {
                    return null;
                }

                var beyond = Beyond(member, value, descending);
                var tie = Expression.AndAlso(Expression.Equal(member, Parameter(value)), idAfter);
                body = Expression.OrElse(beyond, tie);
                if (descending && CanBeNull)
                {
                    body = Expression.OrElse(body, Expression.Equal(member, Expression.Constant(null, typeof(TKey))));
                }
            }

            return Expression.Lambda<Func<TEntity, bool>>(body, parameter);
        }

        public override async Task<string?> KeyTextAsync(IQueryable<TEntity> query, int id, CancellationToken cancellationToken) =>
            ToText(await query.Where(r => r.Id == id).Select(key).FirstAsync(cancellationToken));

        /// <summary>member &gt; value (ascending) or member &lt; value (descending), as SQL compares the stored values.</summary>
        private static Expression Beyond(Expression member, TKey value, bool descending)
        {
            if (typeof(TKey) == typeof(string))
            {
                var compare = typeof(string).GetMethod(nameof(string.Compare), BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(string)])!;
                var call = Expression.Call(compare, member, Parameter(value));
                return descending ? Expression.LessThan(call, Expression.Constant(0)) : Expression.GreaterThan(call, Expression.Constant(0));
            }

            if (Underlying.IsEnum)
            {
                // Stored as names: the values whose name sorts beyond the key's (ordinal, as SQLite's BINARY collation).
                var name = value!.ToString()!;
                var beyond = Enum.GetValues(Underlying).Cast<object>()
                    .Where(v => descending
                        ? string.CompareOrdinal(v.ToString(), name) < 0
                        : string.CompareOrdinal(v.ToString(), name) > 0)
                    .Select(v => (TKey)v)
                    .ToList();
                var contains = typeof(Enumerable).GetMethods()
                    .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
                    .MakeGenericMethod(typeof(TKey));
                return Expression.Call(contains, Parameter(beyond), member);
            }

            return descending ? Expression.LessThan(member, Parameter(value)) : Expression.GreaterThan(member, Parameter(value));
        }

        private static MemberExpression Parameter<T>(T value) =>
            Expression.Property(Expression.Constant(new Holder<T>(value)), nameof(Holder<T>.Value));

        private static string? ToText(TKey key) => key switch
        {
            null => null,
            int i => i.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => key.ToString(),
        };

        private static bool TryParse(string text, out TKey value)
        {
            value = default!;
            object? parsed = null;
            if (Underlying == typeof(string))
            {
                parsed = text;
            }
            else if (Underlying == typeof(int) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                parsed = number;
            }
            else if (Underlying == typeof(PartialDate) && PartialDate.TryParseIso(text, out var date))
            {
                parsed = date;
            }
            else if (Underlying.IsEnum && Enum.TryParse(Underlying, text, ignoreCase: false, out var member) && Enum.IsDefined(Underlying, member!))
            {
                parsed = member;
            }

            if (parsed is null)
            {
                return false;
            }

            value = (TKey)parsed;
            return true;
        }
    }
}
