using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records.Listing;

/// <summary>
/// How one record type is listed: its sort fields (the first is the default), the filters it has, and the row
/// each record becomes. <see cref="RecordLists.PageAsync"/> runs it for a <see cref="RecordQuery"/>.
/// </summary>
internal sealed record ListShape<TEntity, TRow>(
    string Noun,
    IReadOnlyList<SortField<TEntity>> Sorts,
    Func<IQueryable<TEntity>, RecordQuery, FieldErrors, IQueryable<TEntity>> Filter,
    Expression<Func<TEntity, TRow>> Row)
    where TEntity : class, IEditableRecord
    where TRow : IRecordRow;

/// <summary>Filters, sorts and pages a list (offset pages for pages, keyset cursors for the API).</summary>
internal static class RecordLists
{
    public static async Task<Result<RecordPage<TRow>>> PageAsync<TEntity, TRow>(
        PtrackDbContext db, ProgrammeLookup programmes, ListShape<TEntity, TRow> shape, RecordQuery query, CancellationToken cancellationToken)
        where TEntity : class, IEditableRecord
        where TRow : IRecordRow
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new FieldErrors();
        var limit = query.Limit ?? RecordQuery.DefaultLimit;
        if (limit is < 1 or > RecordQuery.MaxLimit)
        {
            errors.Add("limit", $"limit must be 1 to {RecordQuery.MaxLimit} (not {limit})");
        }

        if (query.Page is < 1)
        {
            errors.Add("page", $"page must be 1 or more (not {query.Page})");
        }

        var sortName = string.IsNullOrWhiteSpace(query.Sort) ? shape.Sorts[0].Name : query.Sort.Trim();
        var sort = shape.Sorts.FirstOrDefault(s => string.Equals(s.Name, sortName, StringComparison.OrdinalIgnoreCase));
        if (sort is null)
        {
            errors.Add("sort", $"sort must be one of {string.Join(", ", shape.Sorts.Select(s => s.Name))} (not '{FieldErrors.Shorten(sortName)}')");
        }

        Expression<Func<TEntity, bool>>? after = null;
        if (!string.IsNullOrEmpty(query.Cursor) && sort is not null)
        {
            var cursor = RecordCursor.Read(query.Cursor);
            if (cursor is null)
            {
                errors.Add("cursor", "cursor is not one this list gave out; start again without it");
            }
            else if (cursor.Sort != sort.Name || cursor.Descending != query.Descending)
            {
                errors.Add("cursor", $"cursor belongs to the order sort={cursor.Sort} dir={(cursor.Descending ? "desc" : "asc")}; ask with the same order or start again without it");
            }
            else
            {
                after = sort.After(cursor.Key, cursor.Id, cursor.Descending);
                if (after is null)
                {
                    errors.Add("cursor", "cursor is not one this list gave out; start again without it");
                }
            }
        }

        var programme = await RecordReading.ProgrammeAsync(programmes, string.IsNullOrWhiteSpace(query.Programme) ? null : query.Programme.Trim(), cancellationToken);
        if (!programme.Succeeded)
        {
            return programme.Failure!;
        }

        var programmeId = programme.Value!.Id;
        var filtered = shape.Filter(db.Set<TEntity>().AsNoTracking().Where(r => r.ProgrammeId == programmeId), query, errors);
        if (!string.IsNullOrWhiteSpace(query.ReviewState))
        {
            if (Review.ReviewRules.TryParse(query.ReviewState, out var state))
            {
                filtered = filtered.Where(r => r.ReviewState == state);
            }
            else
            {
                errors.Add("reviewState", $"reviewState must be draft, submitted, approved or returned (not '{FieldErrors.Shorten(query.ReviewState)}')");
            }
        }

        if (errors.Any)
        {
            return errors.ToFailure($"{shape.Noun} list query");
        }

        var total = await filtered.CountAsync(cancellationToken);
        IQueryable<TEntity> ordered = sort!.Order(filtered, query.Descending);
        if (after is not null)
        {
            ordered = ordered.Where(after);
        }
        else if (query.Page is > 1)
        {
            ordered = ordered.Skip((int)Math.Min(int.MaxValue, ((long)query.Page.Value - 1) * limit));
        }

        var rows = await ordered.Take(limit + 1).Select(shape.Row).ToListAsync(cancellationToken);
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            var lastId = rows[^1].Id;
            var key = await sort.KeyTextAsync(db.Set<TEntity>().AsNoTracking(), lastId, cancellationToken);
            next = new RecordCursor(sort.Name, query.Descending, key, lastId).Write();
        }

        return new RecordPage<TRow>(programme.Value, rows, total, next);
    }

    /// <summary>The row of the live record <paramref name="id"/>, as lists show it; NotFound when there is none.</summary>
    public static async Task<Result<TRow>> RowAsync<TEntity, TRow>(PtrackDbContext db, ListShape<TEntity, TRow> shape, int id, CancellationToken cancellationToken)
        where TEntity : class, IEditableRecord
        where TRow : IRecordRow
    {
        var row = await db.Set<TEntity>().AsNoTracking().Where(r => r.Id == id).Select(shape.Row).FirstOrDefaultAsync(cancellationToken);
        return row is not null ? row : RecordReading.NotFound(shape.Noun, id);
    }

    /// <summary>Records whose text fields contain <paramref name="text"/> (SQLite LIKE: ASCII letters in any case; % and _ taken literally).</summary>
    public static IQueryable<TEntity> Containing<TEntity>(IQueryable<TEntity> query, string? text, params Expression<Func<TEntity, string?>>[] fields)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return query;
        }

        var pattern = "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var parameter = Expression.Parameter(typeof(TEntity), "r");
        var like = typeof(DbFunctionsExtensions).GetMethod(
            nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
        var holder = Expression.Property(Expression.Constant(new PatternHolder(pattern)), nameof(PatternHolder.Pattern));
        Expression? body = null;
        foreach (var field in fields)
        {
            var value = new ParameterReplacer(field.Parameters[0], parameter).Visit(field.Body);
            var call = Expression.Call(like, Expression.Constant(EF.Functions), value, holder, Expression.Constant("\\"));
            body = body is null ? call : Expression.OrElse(body, call);
        }

        return body is null ? query : query.Where(Expression.Lambda<Func<TEntity, bool>>(body, parameter));
    }

    /// <summary>Adds "FIELD is not a filter of NOUN lists" for each given filter the type does not have.</summary>
    public static void Unsupported(FieldErrors errors, RecordQuery query, string noun, params string[] unsupported)
    {
        foreach (var name in unsupported)
        {
            var given = name switch
            {
                "area" => query.Area is not null,
                "initiative" => query.Initiative is not null,
                "status" => !string.IsNullOrWhiteSpace(query.Status),
                "severity" => !string.IsNullOrWhiteSpace(query.Severity),
                "cycle" => !string.IsNullOrWhiteSpace(query.Cycle),
                "kind" => !string.IsNullOrWhiteSpace(query.Kind),
                _ => false,
            };
            if (given)
            {
                errors.Add(name, $"{name} is not a filter of {noun} lists");
            }
        }
    }

    private sealed class PatternHolder(string pattern)
    {
        public string Pattern { get; } = pattern;
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
